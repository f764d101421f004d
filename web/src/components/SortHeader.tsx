export type SortOrder = 'asc' | 'desc';

/** A column header that sorts the list; the current sort is announced with aria-sort. */
export function SortHeader<S extends string>({
  column,
  label,
  sort,
  order,
  onSort,
}: {
  column: S;
  label: string;
  sort: S;
  order: SortOrder;
  onSort: (column: S, order: SortOrder) => void;
}) {
  const active = sort === column;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(column, active && order === 'asc' ? 'desc' : 'asc')}
      >
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
