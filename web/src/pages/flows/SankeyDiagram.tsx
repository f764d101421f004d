import { useId, useMemo } from 'react';
import type { StatDimension } from '@kinga/shared/picklists';
import type { StatFlowsDto } from '@kinga/shared';
import { useLanguage } from '../../i18n/i18n.tsx';
import { formatCount } from '../analytics/charts/format-count.ts';
import { flowKeyLabel } from './flow-labels.ts';
import { layoutSankey, type SankeyNode } from './sankey-layout.ts';

const WIDTH = 400;
const HEIGHT = 400;
const HEADER = 28;
/** Nodes per column before the rest are summed as "Other". */
const TOP = 7;
/** Nodes thinner than this carry no label (the table has them all). */
const MIN_LABELLED = 11;
const COLUMN_DIMENSIONS: readonly StatDimension[] = [
  'originOrCitizenship',
  'countryOfTransit',
  'countryOfExploitation',
];

/**
 * The flow diagram (Sankey) of origin or citizenship → transit → exploitation, drawn from the
 * two published link tables by `layoutSankey`. Bands take the colour of their origin; a label
 * names each node large enough to hold one. The tables named by `describedBy` are its text
 * alternative.
 */
export function SankeyDiagram({ flows, describedBy }: { flows: StatFlowsDto; describedBy: string }) {
  const { t, locale } = useLanguage();
  const titleId = useId();
  const { originTransit, transitExploitation } = flows.countries;
  const layout = useMemo(
    () =>
      layoutSankey(originTransit.cells, transitExploitation.cells, {
        width: WIDTH,
        height: HEIGHT - HEADER - 2,
        top: TOP,
        nodeWidth: 12,
        gap: 10,
      }),
    [originTransit, transitExploitation],
  );
  const nameOf = (node: SankeyNode) => flowKeyLabel(t, COLUMN_DIMENSIONS[node.column] ?? 'citizenship', node.key);
  const origins = layout.nodes.filter((n) => n.column === 0);
  const colourOf = (node: SankeyNode) => `flow-colour-${origins.indexOf(node) % 7}`;
  const originOf = (node: SankeyNode): SankeyNode | undefined => (node.column === 0 ? node : undefined);

  if (layout.links.length === 0) return <p className="muted">{t('flows.sankey.noLinks')}</p>;

  // A band from transit to exploitation takes the colour of the transit node's largest origin.
  const mainOrigin = new Map<SankeyNode, SankeyNode>();
  for (const link of layout.links) {
    if (link.source.column !== 0) continue;
    const current = mainOrigin.get(link.target);
    const currentValue = current
      ? (layout.links.find((l) => l.source === current && l.target === link.target)?.value ?? 0)
      : -1;
    if (link.value > currentValue) mainOrigin.set(link.target, link.source);
  }

  return (
    <figure className="flow-sankey">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        focusable="false"
      >
        <title id={titleId}>{t('flows.sankey.svgTitle')}</title>
        <text x="2" y="16" className="flow-column-heading">
          {t('flows.sankey.origin')}
        </text>
        <text x={WIDTH / 2} y="16" textAnchor="middle" className="flow-column-heading">
          {t('flows.sankey.transit')}
        </text>
        <text x={WIDTH - 2} y="16" textAnchor="end" className="flow-column-heading">
          {t('flows.sankey.exploitation')}
        </text>
        <g transform={`translate(0 ${HEADER})`}>
          <g>
            {layout.links.map((link, i) => {
              const origin = originOf(link.source) ?? mainOrigin.get(link.source);
              return (
                <path
                  key={i}
                  d={link.d}
                  fill="none"
                  strokeWidth={Math.max(1, link.thickness).toFixed(1)}
                  className={`flow-band ${origin ? colourOf(origin) : 'flow-colour-none'}`}
                >
                  <title>
                    {t('flows.linkTitle', {
                      from: nameOf(link.source),
                      to: nameOf(link.target),
                      count: formatCount(locale, link.value),
                    })}
                  </title>
                </path>
              );
            })}
          </g>
          <g>
            {layout.nodes.map((node) => {
              const labelRight = node.column < 2;
              const x = labelRight ? node.x + layout.nodeWidth + 4 : node.x - 4;
              const y = node.y + node.height / 2;
              return (
                <g key={`${node.column}-${String(node.key)}`}>
                  <rect
                    x={node.x.toFixed(1)}
                    y={node.y.toFixed(1)}
                    width={layout.nodeWidth}
                    height={Math.max(1, node.height).toFixed(1)}
                    className="flow-node"
                  >
                    <title>
                      {t('flows.nodeTitle', { place: nameOf(node), count: formatCount(locale, node.value) })}
                    </title>
                  </rect>
                  {node.height >= MIN_LABELLED && (
                    <text
                      x={x.toFixed(1)}
                      y={y.toFixed(1)}
                      textAnchor={labelRight ? 'start' : 'end'}
                      dominantBaseline="central"
                      className="flow-node-label"
                    >
                      {`${nameOf(node)} ${formatCount(locale, node.value)}`}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </g>
      </svg>
      {layout.hidden > 0 && (
        <figcaption className="muted">
          {t('flows.hiddenLinks', { count: layout.hidden, k: flows.protection.k })}
        </figcaption>
      )}
    </figure>
  );
}
