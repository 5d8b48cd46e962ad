import { type FormEvent, useEffect, useRef, useState } from 'react';
import { inputClasses } from '@/components/console/Field';
import { ProblemNotice } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { type RestaurantTable, updateTable } from '../api/restaurant-api';

const smallButton =
  'min-h-10 rounded-xl border-2 border-line bg-surface px-3 py-1 font-semibold hover:border-accent disabled:opacity-60';

interface RowProps {
  slug: string;
  table: RestaurantTable;
  selected: boolean;
  onToggle: (label: string) => void;
  onChanged: (message: string, renamed?: { from: string; to: string }) => void;
}

function TableRow({ slug, table, selected, onToggle, onChanged }: RowProps) {
  const [renaming, setRenaming] = useState(false);
  const [newLabel, setNewLabel] = useState(table.label);
  const { run, pending, error, clearError } = useConsoleAction();
  const renameInput = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  // Focus follows the edit: into the field when it opens, back to "Rename" when it closes.
  useEffect(() => {
    if (renaming) renameInput.current?.focus();
    else if (wasRenaming.current) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const label = newLabel.trim();
    if (label === '' || label === table.label) {
      setRenaming(false);
      return;
    }
    const result = await run(() => updateTable(slug, table.label, { label }));
    if (result.ok) {
      setRenaming(false);
      onChanged(`Table ${table.label} is now ${label}.`, { from: table.label, to: label });
    }
  }

  async function setActive(active: boolean) {
    const result = await run(() => updateTable(slug, table.label, { active }));
    if (result.ok) onChanged(active ? `Table ${table.label} is active again.` : `Table ${table.label} is deactivated.`);
  }

  return (
    <tr className={`border-b border-line align-middle ${table.active ? '' : 'text-muted'}`}>
      <td className="py-2 pr-3">
        <input
          type="checkbox"
          className="size-5 accent-accent"
          checked={selected}
          onChange={() => onToggle(table.label)}
          aria-label={`Select table ${table.label}`}
        />
      </td>
      <th scope="row" className="py-2 pr-3 text-left font-semibold">
        {renaming ? (
          <form onSubmit={(event) => void rename(event)} className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={`rename-${table.label}`}>
              New label for table {table.label}
            </label>
            <input
              id={`rename-${table.label}`}
              ref={renameInput}
              className={`${inputClasses} max-w-40`}
              maxLength={64}
              value={newLabel}
              onChange={(event) => setNewLabel(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setRenaming(false);
              }}
            />
            <button type="submit" className={smallButton} disabled={pending}>
              Save
            </button>
            <button type="button" className={smallButton} onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          table.label
        )}
        <ProblemNotice error={error} />
      </th>
      <td className="py-2 pr-3 text-base break-all">
        <a href={table.url} className="text-accent underline-offset-4 hover:underline">
          {table.url}
        </a>
      </td>
      <td className="py-2 pr-3">{table.active ? 'Active' : 'Deactivated'}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          {renaming ? null : (
            <button
              type="button"
              ref={renameButton}
              className={smallButton}
              aria-label={`Rename table ${table.label}`}
              onClick={() => {
                clearError();
                setNewLabel(table.label);
                setRenaming(true);
              }}
            >
              Rename
            </button>
          )}
          <button
            type="button"
            className={smallButton}
            disabled={pending}
            aria-label={`${table.active ? 'Deactivate' : 'Reactivate'} table ${table.label}`}
            onClick={() => void setActive(!table.active)}
          >
            {table.active ? 'Deactivate' : 'Reactivate'}
          </button>
        </div>
      </td>
    </tr>
  );
}

export interface TableListProps {
  slug: string;
  tables: RestaurantTable[];
  selected: ReadonlySet<string>;
  onSelect: (labels: ReadonlySet<string>) => void;
  onChanged: RowProps['onChanged'];
}

export function TableList({ slug, tables, selected, onSelect, onChanged }: TableListProps) {
  if (tables.length === 0) {
    return (
      <p className="rounded-2xl bg-surface-muted p-4">No tables yet. Add them above, then download their codes.</p>
    );
  }
  const allSelected = tables.every((table) => selected.has(table.label));
  const toggle = (label: string) => {
    const next = new Set(selected);
    if (!next.delete(label)) next.add(label);
    onSelect(next);
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Tables and their links</caption>
        <thead>
          <tr className="border-b-2 border-line text-base">
            <td className="py-2 pr-3">
              <input
                type="checkbox"
                className="size-5 accent-accent"
                checked={allSelected}
                onChange={() => onSelect(allSelected ? new Set() : new Set(tables.map((table) => table.label)))}
                aria-label="Select all tables"
              />
            </td>
            <th scope="col" className="py-2 pr-3">
              Table
            </th>
            <th scope="col" className="py-2 pr-3">
              Link on its code
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <TableRow
              key={table.label}
              slug={slug}
              table={table}
              selected={selected.has(table.label)}
              onToggle={toggle}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
