/** 부서: the evaluated departments with their goal/indicator/task counts; each links to its page. */
import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useSummary } from '../api/plans';
import { useYear } from '../app/year';
import { IllustrativeBadge } from '../components/Illustrative';
import { Page } from '../components/Page';
import { Query } from '../components/QueryState';
import { useI18n } from '../i18n';
import { ByDepartmentTable } from './TablesPage';

export default function DepartmentsPage() {
  const { m, format } = useI18n();
  const { year, plan } = useYear();
  const summary = useSummary(year);
  const [filter, setFilter] = useState('');
  return (
    <Page
      title={m.departments.title}
      intro={m.departments.intro}
      badges={plan?.illustrative ? <IllustrativeBadge /> : null}
    >
      <div className="page-section">
        <TextInput
          label={m.departments.filterLabel}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          type="search"
          w={280}
          maw="100%"
          mb="sm"
          className="no-print"
        />
        <Query q={summary}>
          {(s) => (
            <ByDepartmentTable s={s} filter={filter} caption={format(m.departments.listCaption, { year: s.year })} />
          )}
        </Query>
      </div>
    </Page>
  );
}
