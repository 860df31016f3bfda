/**
 * The plan hierarchy as a WAI-ARIA tree view (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
 * one tab stop; ↑/↓ move between visible items, → expands or enters, ← collapses or goes to the
 * parent, Home/End jump, Enter opens the item's page (an indicator, or the department of a
 * department goal), * expands the siblings. A search query keeps matching items and their
 * ancestors, expanded, with the match highlighted.
 *
 * The visible items are rendered as one flat list carrying aria-level/-setsize/-posinset (the
 * pattern's "declared properties" form): each item's accessible name is then exactly its visible
 * row, not the row plus all its descendants.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TreeNode } from '../api/types';
import { useI18n } from '../i18n';
import { useHref } from '../app/year';
import { IllustrativeBadge } from './Illustrative';

/** A node with its position: `key` is unique even when a code repeats in several branches. */
interface Item {
  key: string;
  node: TreeNode;
  depth: number;
  parent: string | null;
  children: Item[];
  /** Descendant counts by level, for the row's summary. */
  indicators: number;
  tasks: number;
}

function buildItems(nodes: TreeNode[], depth = 1, parent: string | null = null): Item[] {
  return nodes.map((node, i) => {
    const key = `${parent ?? ''}/${node.code || i}`;
    const children = buildItems(node.children, depth + 1, key);
    const indicators = children.reduce((s, c) => s + c.indicators + (c.node.level === 'indicator' ? 1 : 0), 0);
    const tasks = children.reduce((s, c) => s + c.tasks + (c.node.level === 'task' ? 1 : 0), 0);
    return { key, node, depth, parent, children, indicators, tasks };
  });
}

function normalize(s: string) {
  return s.toLocaleLowerCase('ko').replace(/\s+/g, '');
}

/** Items whose name matches, with their ancestors; null when there is no query. */
function filterItems(items: Item[], q: string): { items: Item[]; matches: number } | null {
  const nq = normalize(q);
  if (!nq) return null;
  let matches = 0;
  const walk = (list: Item[]): Item[] =>
    list.flatMap((it) => {
      const self = normalize(it.node.name).includes(nq);
      if (self) matches++;
      const children = walk(it.children);
      return self || children.length ? [{ ...it, children }] : [];
    });
  const out = walk(items);
  return { items: out, matches };
}

function Highlight({ text, query }: { text: string; query: string }) {
  const nq = normalize(query);
  if (!nq) return <>{text}</>;
  // Map the whitespace-free match back onto the original text.
  const chars = [...text];
  const positions: number[] = [];
  let compact = '';
  chars.forEach((c, i) => {
    if (!/\s/.test(c)) {
      compact += c.toLocaleLowerCase('ko');
      positions.push(i);
    }
  });
  const at = compact.indexOf(nq);
  if (at < 0) return <>{text}</>;
  const start = positions[at]!;
  const end = positions[at + nq.length - 1]! + 1;
  return (
    <>
      {chars.slice(0, start).join('')}
      <mark>{chars.slice(start, end).join('')}</mark>
      {chars.slice(end).join('')}
    </>
  );
}

export interface PlanTreeHandle {
  expandAll(): void;
  collapseAll(): void;
}

export function PlanTree({
  nodes,
  label,
  query = '',
  defaultExpandDepth = 1,
  focusCode,
  onMatches,
  controls,
}: {
  nodes: TreeNode[];
  label: string;
  query?: string;
  /** Items at depth ≤ this start expanded. */
  defaultExpandDepth?: number;
  /** Expand the path to the item with this code and focus it. */
  focusCode?: string | null;
  onMatches?: (n: number | null) => void;
  /** Renders buttons that act on the tree (expand all, collapse all). */
  controls?: (handle: PlanTreeHandle) => ReactNode;
}) {
  const { m } = useI18n();
  const href = useHref();
  const navigate = useNavigate();
  const all = useMemo(() => buildItems(nodes), [nodes]);
  const filtered = useMemo(() => filterItems(all, query), [all, query]);
  const items = filtered?.items ?? all;

  useEffect(() => onMatches?.(filtered ? filtered.matches : null), [filtered, onMatches]);

  const byKey = useMemo(() => {
    const map = new Map<string, Item>();
    const walk = (list: Item[]) =>
      list.forEach((it) => {
        map.set(it.key, it);
        walk(it.children);
      });
    walk(all);
    return map;
  }, [all]);

  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const s = new Set<string>();
    const walk = (list: Item[]) =>
      list.forEach((it) => {
        if (it.depth <= defaultExpandDepth && it.children.length) s.add(it.key);
        walk(it.children);
      });
    walk(all);
    return s;
  });

  // While searching every remaining item is open, so the matches are visible.
  const isExpanded = useCallback(
    (it: Item) => (filtered ? it.children.length > 0 : expanded.has(it.key)),
    [filtered, expanded],
  );

  // The visible items in order, each with its position among its siblings (aria-posinset/setsize).
  const visible = useMemo(() => {
    const out: (Item & { pos: number; size: number })[] = [];
    const walk = (list: Item[]) =>
      list.forEach((it, i) => {
        out.push({ ...it, pos: i + 1, size: list.length });
        if (it.children.length && isExpanded(it)) walk(it.children);
      });
    walk(items);
    return out;
  }, [items, isExpanded]);

  const [focused, setFocused] = useState<string | null>(null);
  const activeKey = focused && visible.some((v) => v.key === focused) ? focused : (visible[0]?.key ?? null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const wantFocus = useRef(false);

  const moveTo = useCallback((key: string | undefined | null) => {
    if (!key) return;
    wantFocus.current = true;
    setFocused(key);
  }, []);

  useEffect(() => {
    if (wantFocus.current && activeKey) {
      wantFocus.current = false;
      refs.current.get(activeKey)?.focus();
    }
  }, [activeKey, visible]);

  // Open the path to a requested item (from the dashboard's strategy map or a search link).
  useEffect(() => {
    if (!focusCode) return;
    const target = [...byKey.values()].find((it) => it.node.code === focusCode);
    if (!target) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      next.add(target.key);
      for (let p = target.parent; p; p = byKey.get(p)?.parent ?? null) next.add(p);
      return next;
    });
    setFocused(target.key);
    requestAnimationFrame(() => refs.current.get(target.key)?.scrollIntoView({ block: 'start' }));
  }, [focusCode, byKey]);

  const toggle = (it: Item, open?: boolean) => {
    if (!it.children.length || filtered) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      const willOpen = open ?? !next.has(it.key);
      if (willOpen) next.add(it.key);
      else next.delete(it.key);
      return next;
    });
  };

  const linkOf = (n: TreeNode): string | null => {
    if (n.level === 'indicator') return href(`/indicators/${encodeURIComponent(n.code)}`);
    if (n.level === 'deptStrategicGoal' && n.department)
      return href(`/departments/${encodeURIComponent(n.department)}`);
    return null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const idx = visible.findIndex((v) => v.key === activeKey);
    const it = visible[idx];
    if (!it) return;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(visible[idx + 1]?.key);
        break;
      case 'ArrowUp':
        moveTo(visible[idx - 1]?.key);
        break;
      case 'Home':
        moveTo(visible[0]?.key);
        break;
      case 'End':
        moveTo(visible[visible.length - 1]?.key);
        break;
      case 'ArrowRight':
        if (it.children.length && !isExpanded(it)) toggle(it, true);
        else if (it.children.length) moveTo(visible[idx + 1]?.key);
        break;
      case 'ArrowLeft':
        if (it.children.length && isExpanded(it) && !filtered) toggle(it, false);
        else moveTo(it.parent);
        break;
      case 'Enter': {
        const to = linkOf(it.node);
        if (to) void navigate(to);
        else toggle(it);
        break;
      }
      case '*': {
        const siblings = it.parent ? (byKey.get(it.parent)?.children ?? []) : all;
        setExpanded((prev) => new Set([...prev, ...siblings.filter((s) => s.children.length).map((s) => s.key)]));
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const handle: PlanTreeHandle = {
    expandAll: () => setExpanded(new Set([...byKey.values()].filter((it) => it.children.length).map((it) => it.key))),
    collapseAll: () => setExpanded(new Set()),
  };

  const renderItem = (it: Item & { pos: number; size: number }): ReactNode => {
    const n = it.node;
    const open = it.children.length > 0 && isExpanded(it);
    const to = linkOf(n);
    const name = <Highlight text={n.name} query={query} />;
    return (
      <li
        key={it.key}
        role="treeitem"
        aria-level={it.depth}
        aria-setsize={it.size}
        aria-posinset={it.pos}
        aria-expanded={it.children.length ? open : undefined}
        tabIndex={it.key === activeKey ? 0 : -1}
        ref={(el) => {
          if (el) refs.current.set(it.key, el);
          else refs.current.delete(it.key);
        }}
        className={`tree-item depth-${Math.min(it.depth, 6)}${it.key === activeKey ? ' is-focused' : ''}`}
        style={{ ['--depth' as string]: it.depth - 1 }}
        onFocus={() => setFocused(it.key)}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          setFocused(it.key);
          toggle(it);
        }}
      >
        <span className={`tree-toggle${it.children.length ? '' : ' leaf'}`} aria-hidden="true">
          {it.children.length ? (open ? '▾' : '▸') : ''}
        </span>
        <span className={`tree-level lv-${n.level}`}>{m.levels[n.level]}</span>{' '}
        <span className={`tree-name is-${n.level}`}>
          {to ? (
            <Link to={to} tabIndex={-1}>
              {name}
            </Link>
          ) : (
            name
          )}
        </span>
        {n.kind && n.kind !== 'unique' ? (
          <>
            {' '}
            <span className={`kind-badge ${n.kind}`}>{m.kindsShort[n.kind as 'convergence' | 'common'] ?? n.kind}</span>
          </>
        ) : null}
        {n.department ? <span className="tree-dept"> · {n.department}</span> : null}
        {(n.level === 'orgStrategicGoal' || n.level === 'orgPerformanceGoal') && (it.indicators || it.tasks) ? (
          <span className="tree-dept">
            {' '}
            · {m.levels.indicator} {it.indicators} · {m.levels.task} {it.tasks}
          </span>
        ) : null}
        {n.illustrative ? (
          <>
            {' '}
            <IllustrativeBadge />
          </>
        ) : null}
      </li>
    );
  };

  return (
    <>
      {controls?.(handle)}
      <ul role="tree" aria-label={label} className="tree" onKeyDown={onKeyDown}>
        {visible.map(renderItem)}
      </ul>
    </>
  );
}
