// The demo's named update templates: the scenarios a comms team keeps ready beside each
// status's default. Checked like any admin's template (templates.test.ts).
import type { UpdateTemplateStatus } from "~/modules/notices/update-defaults.ts";

const NEXT = `{% if next_update_at != "" %} We will post our next update by {{ next_update_at_full }}.{% endif %}`;

export const namedTemplates: { status: UpdateTemplateStatus; name: string; source: string }[] = [
  {
    status: "investigating",
    name: "Third-party outage",
    source: `We are investigating {% if components.size > 0 %}{{ impact_text }}{% else %}an issue{% endif %}, which began at {{ \
started_at_full }}. \
It is caused by an outage at one of our providers, and we are working with them to restore service.${NEXT}`,
  },
  {
    status: "investigating",
    name: "Degraded performance in one region",
    source: `We are investigating slower responses{% if components.size > 0 %} from {{ components_text }}{% endif %}\
{% if regions_text != "" %} in {{ regions_text }}{% endif %}, which began at {{ started_at_full }}. Customers in other regions \
are not affected.${NEXT}`,
  },
  {
    status: "identified",
    name: "Third-party outage",
    source: `Our provider has identified the cause of their outage and is rolling out a fix.\
{% if components.size > 0 %} {{ components_text | sentence }} {{ components | plural: "remains", "remain" }} affected until it is \
in place.{% endif %}${NEXT}`,
  },
  {
    status: "monitoring",
    name: "Fix rolling out region by region",
    source: `A fix is rolling out region by region, and we are monitoring the results.\
{% if components.size > 0 %} {{ components_text | sentence }} {{ components | plural: "is", "are" }} recovering as it reaches \
each region.{% endif %}${NEXT}`,
  },
  {
    status: "resolved",
    name: "Third-party outage",
    source: `This incident has been resolved: our provider has fixed the outage that caused it.\
{% if affected.size > 0 %} {{ affected_text | sentence }} {{ affected | plural: "is", "are" }} operating normally again.{% endif %} \
It lasted {{ elapsed }}. We are reviewing how to depend less on a single provider.`,
  },
];
