import { Link, useSearchParams } from 'react-router';

/**
 * Tabs that switch one parameter of the page's address and keep the others (filters), so a
 * tab can be bookmarked and Back works; the page reads the parameter to know its tab.
 */
export function QueryTabs<T extends string>({
  param,
  values,
  current,
  label,
  labelOf,
}: {
  param: string;
  values: readonly T[];
  current: T;
  /** The accessible name of the tab list. */
  label: string;
  labelOf: (value: T) => string;
}) {
  const [params] = useSearchParams();
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {values.map((value) => (
          <li key={value}>
            <Link
              to={`?${new URLSearchParams({ ...Object.fromEntries(params), [param]: value }).toString()}`}
              replace
              aria-current={value === current ? 'page' : undefined}
            >
              {labelOf(value)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
