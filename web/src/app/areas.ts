/** The areas the shell mounts after its own pages (routes and navigation), in navigation order. */
import type { Area } from './area';
import { workArea } from '../pages/work';
import { evaluationArea } from '../pages/evaluation';
import { adminArea } from '../pages/admin';
import { filesArea } from '../pages/files';
import { settingsArea } from '../pages/settings';
import { helpArea } from '../pages/help';

export const areas: Area[] = [workArea, evaluationArea, filesArea, adminArea, settingsArea, helpArea];
