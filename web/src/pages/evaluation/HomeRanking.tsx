/**
 * The home dashboard's evaluation card (for those who may read the whole ranking: the executive,
 * planner, committee): the top departments of the year, provisional or final as the year stands.
 * Renders nothing for other users.
 */
import { Link } from 'react-router';
import { Anchor, Table } from '@mantine/core';
import { useEvaluation } from '../../api/evaluation';
import { useHref, useYear } from '../../app/year';
import { Section } from '../../components/Page';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { ModeBadge } from './RankingPage';
import { useAbilities } from '../../api/session';

const TOP = 5;

export default function HomeRanking() {
  const { m, format, num } = useI18n();
  const { year, plan } = useYear();
  const href = useHref();
  const { can, ready } = useAbilities();
  const show = ready && can('evaluation.read') && can('qualitative.write');
  const mode = plan?.status === 'closed' ? 'final' : 'provisional';
  const q = useEvaluation(year, mode, show);
  if (!show || !q.data) return null;
  const top = q.data.departments.slice(0, TOP);
  const modeName = mode === 'final' ? m.evaluation.modeFinal : m.evaluation.modeProvisional;
  return (
    <Section
      title={m.evaluation.homeTitle}
      id="evaluation-top"
      actions={
        <Anchor component={Link} to={href('/evaluation', mode === 'provisional' ? { mode } : {})} size="sm">
          {m.evaluation.homeAll}
        </Anchor>
      }
    >
      <ModeBadge mode={mode} />
      <TableFrame caption={format(m.evaluation.homeCaption, { n: top.length, mode: modeName })}>
        <Table.Thead>
          <Table.Tr>
            <Th num>{m.evaluation.colRank}</Th>
            <Th>{m.evaluation.colDepartment}</Th>
            <Th num>{m.evaluation.colTotal}</Th>
            <Th>{m.evaluation.colGrade}</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top.map((d) => (
            <Table.Tr key={d.department}>
              <Table.Td className="num">{num(d.rank, 0)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                <Anchor
                  component={Link}
                  to={href(
                    `/evaluation/departments/${encodeURIComponent(d.department)}`,
                    mode === 'provisional' ? { mode } : {},
                  )}
                >
                  {d.department}
                </Anchor>
              </Table.Th>
              <Table.Td className="num">{num(d.display.total, 2)}</Table.Td>
              <Table.Td>{d.grade}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableFrame>
    </Section>
  );
}
