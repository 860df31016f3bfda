/** 계획 체계: the whole hierarchy of the year as a keyboard-navigable tree, searchable by name. */
import { useCallback, useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useTree } from '../api/plans';
import { useYear } from '../app/year';
import { IllustrativeBadge, IllustrativeNotice } from '../components/Illustrative';
import { Page } from '../components/Page';
import { PlanTree } from '../components/PlanTree';
import { Query } from '../components/QueryState';
import { useI18n } from '../i18n';

export default function ExplorerPage() {
  const { m, format } = useI18n();
  const { year, plan } = useYear();
  const [params, setParams] = useSearchParams();
  const tree = useTree(year);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const deferred = useDeferredValue(query);
  const [matches, setMatches] = useState<number | null>(null);
  const onMatches = useCallback((n: number | null) => setMatches(n), []);

  const onSearch = (value: string) => {
    setQuery(value);
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    next.delete('focus');
    setParams(next, { replace: true });
  };

  return (
    <Page title={m.explorer.title} intro={m.explorer.intro} badges={plan?.illustrative ? <IllustrativeBadge /> : null}>
      <IllustrativeNotice show={plan?.illustrative} />
      <div className="page-section">
        <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
          <TextInput
            label={m.explorer.searchLabel}
            placeholder={m.explorer.searchPlaceholder}
            value={query}
            onChange={(e) => onSearch(e.currentTarget.value)}
            type="search"
            w={360}
            maw="100%"
          />
          <Text size="sm" aria-live="polite" role="status" mb={6}>
            {matches === null
              ? ''
              : matches === 0
                ? format(m.explorer.noMatches, { q: deferred })
                : format(m.explorer.matches, { n: matches })}
          </Text>
        </Group>
        <Query q={tree}>
          {(data) => (
            <PlanTree
              nodes={data.tree}
              label={format(m.explorer.treeLabel, { year: data.year })}
              query={deferred}
              focusCode={params.get('focus')}
              onMatches={onMatches}
              controls={(h) =>
                deferred ? null : (
                  <Group gap="xs" mb="xs" className="no-print">
                    <Button size="xs" variant="default" onClick={h.expandAll}>
                      {m.explorer.expandAll}
                    </Button>
                    <Button size="xs" variant="default" onClick={h.collapseAll}>
                      {m.explorer.collapseAll}
                    </Button>
                  </Group>
                )
              }
            />
          )}
        </Query>
      </div>
    </Page>
  );
}
