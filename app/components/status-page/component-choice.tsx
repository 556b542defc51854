// Checkboxes for the components a subscriber wants notices about, grouped as on the page.
// Only plain components are offered: an update names components, never a whole group.
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
        return (
          <fieldset key={group.id}>
            <legend className="font-medium text-slate-900">{group.name}</legend>
            <ul className="mt-1 pl-1">
              {members.map((c) => (
                <Choice key={c.id} component={c} checked={chosen.includes(c.id)} />
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
