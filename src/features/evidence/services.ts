/** The evidence services of a process: the store, the scanner and the limits, from the configuration. */
import path from 'node:path';
import type { Config } from '../../config.js';
import { LocalEvidenceStore, type EvidenceStore } from './storage.js';
import { virusScanner, type VirusScanner } from './scanner.js';
import type { ZipLimits } from './sniff.js';

export interface EvidenceServices {
  store: EvidenceStore;
  scanner: VirusScanner;
  maxBytes: number;
  zipLimits: ZipLimits;
}

export function evidenceServices(config: Config): EvidenceServices {
  return {
    store: new LocalEvidenceStore(path.join(config.dataDir, 'evidence')),
    scanner: virusScanner(config.BSC_EVIDENCE_SCAN_COMMAND),
    maxBytes: config.BSC_EVIDENCE_MAX_BYTES,
    zipLimits: {
      maxEntries: config.BSC_EVIDENCE_ZIP_MAX_ENTRIES,
      maxExpandedBytes: config.BSC_EVIDENCE_ZIP_MAX_EXPANDED_BYTES,
    },
  };
}
