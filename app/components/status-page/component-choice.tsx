// Checkboxes for the components a subscriber wants notices about, grouped as on the page. Each
// group has a box of its own that stands for all its members: the server takes a group's id as
// its members (subscribers.server.ts), and status-live.js ticks the members along when it runs.
import type { PublicComponent, PublicPage } from "~/modules/status-page/model.ts";

function Choice({ component, checked }: { component: PublicComponent; checked: boolean }) {
  return (
    <li>
      <label className="flex items-center gap-2 py-0.5">
        <input type="checkbox" name="components" value={component.id} defaultChecked={checked} className="size-4" />
        {component.name}
      </label>
    </li>
  );
}

export function ComponentChoice({ page, chosen }: { page: PublicPage; chosen: string[] }) {
  const byId = new Map(page.components.map((c) => [c.id, c]));
  const topLevel = page.components.filter((c) => c.groupId === null);
  const loose = topLevel.filter((c) => !c.isGroup);
  const groups = topLevel.filter((c) => c.isGroup);
  return (
    <div className="space-y-3 text-sm text-slate-800">
      {loose.length ? (
        <ul>
          {loose.map((c) => (
            <Choice key={c.id} component={c} checked={chosen.includes(c.id)} />
          ))}
        </ul>
      ) : null}
      {groups.map((group) => {
        const members = group.memberIds.map((id) => byId.get(id)).filter((c): c is PublicComponent => Boolean(c));
        if (!members.length) return null;
        const all = members.every((m) => chosen.includes(m.id)) || chosen.includes(group.id);
        return (
          <fieldset key={group.id}>
            <legend className="font-medium text-slate-900">{group.name}</legend>
            <label className="flex items-center gap-2 py-0.5">
              <input type="checkbox" name="components" value={group.id} data-group="" defaultChecked={all} className="size-4" />
              All of {group.name}
            </label>
            <ul className="mt-0.5 pl-6">
              {members.map((c) => (
                <Choice key={c.id} component={c} checked={all || chosen.includes(c.id)} />
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
