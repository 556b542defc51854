// The shipped liquid templates of the generated post-mortem sections. They write light
// Markdown ("### " headings, "- " lists, **bold**, [links](/incidents/...)) that becomes each
// section's first tiptap document; every sentence links back to where its data came from.
// Sections only a person can write render nothing but structure (headings), never invented
// text. An admin can replace any of them (Template rows, key "postmortem.<section>").
import type { SectionKey } from "./sections.ts";

export function sectionTemplateKey(key: SectionKey): string {
  return `postmortem.${key}`;
}

export const DEFAULT_SECTION_TEMPLATES: Record<SectionKey, string> = {
  summary: `{% if incident.summary != "" %}{{ incident.summary }} [(incident summary)]({{ incident.summary_href }})

{% endif %}A {{ incident.severity }} incident: {% if numbers.impact_split != "" %}customers saw impact for **{{ \
numbers.customer_facing }}**{% else %}no customer-facing impact was recorded{% endif %}, and it was [resolved]({{ \
incident.resolved.href }}) **{{ numbers.time_to_resolve }}** after it [started]({{ incident.started.href }}).`,

  impact: `- **Duration:** {{ numbers.duration }} from [start]({{ incident.started.href }}) ({{ incident.started.at }}) to [resolution]({{ incident.resolved.href }}) ({{ incident.resolved.at }}).
- **Customer-facing time:** {% if numbers.impact_split != "" %}{{ numbers.customer_facing }} ({{ numbers.impact_split }}){% else \
%}none recorded{% endif %} ([impact history]({{ numbers.impact_href }})).
- **Regions:** {{ regions_text }} ([regions]({{ regions_href }})).
{%- if components.size > 0 %}

### Components affected
{% for c in components -%}
- **{{ c.name }}**, at worst {{ c.worst }}: {{ c.windows }} ([impact history]({{ c.href }}))
{% endfor -%}
{%- endif %}
{%- if customer_impacts.size > 0 %}

### Customer impact recorded during the incident
{% for e in customer_impacts -%}
- {{ e.text }} ([{{ e.at }}]({{ e.href }}))
{% endfor -%}
{% if more.customer_impacts > 0 %}- …and {{ more.customer_impacts }} more customer impact entries in the [timeline]({{ incident.href }})
{% endif -%}
{%- endif %}`,

  timeline: `{% for m in moments -%}
- **{{ m.at }}**, [{{ m.label }}]({{ m.href }}): {{ m.text }}
{% endfor -%}
{% if more.moments > 0 %}- …and {{ more.moments }} more moments (status changes and pinned entries) in the [timeline]({{ incident.href }})
{% endif -%}`,

  root_cause: `{%- if hypotheses.size > 0 -%}
### Hypotheses recorded during the incident
{% for e in hypotheses -%}
- {{ e.text }} ([{{ e.at }}]({{ e.href }}))
{% endfor -%}
{% if more.hypotheses > 0 %}- …and {{ more.hypotheses }} more hypotheses in the [timeline]({{ incident.href }})
{% endif -%}
{%- endif -%}`,

  detection: `- **Time to detect:** {{ numbers.time_to_detect }}: impact [started]({{ incident.started.href }}) {{ incident.started.at }} and was [detected]({{ incident.detected.href }}) {{ incident.detected.at }}.
{% if incident.acknowledged.reached -%}
- **Time to acknowledge:** {{ numbers.time_to_acknowledge }}: [acknowledged]({{ incident.acknowledged.href }}) {{ \
incident.acknowledged.at }}
{%- else -%}
- **Time to acknowledge:** not recorded: no [acknowledgement]({{ incident.acknowledged.href }}) time was set
{%- endif %}; {% if incident.has_commander %}incident commander {{ incident.commander }}{% else %}no incident commander was \
assigned{% endif %}.
{%- for e in first_signal %}
- **First signal:** {{ e.text }} ([{{ e.at }}]({{ e.href }}))
{%- endfor %}`,

  response: `{% if incident.mitigated.reached -%}
- **Time to mitigate:** {{ numbers.time_to_mitigate }} ([mitigated]({{ incident.mitigated.href }}) {{ incident.mitigated.at }}).
{%- else -%}
- **Time to mitigate:** not recorded: no [mitigation]({{ incident.mitigated.href }}) time was set.
{%- endif %}
- **Time to resolve:** {{ numbers.time_to_resolve }} ([resolved]({{ incident.resolved.href }}) {{ incident.resolved.at }}).
{%- if decisions.size > 0 %}

### Decisions
{% for e in decisions -%}
- {{ e.text }} ([{{ e.at }}]({{ e.href }}))
{% endfor -%}
{% if more.decisions > 0 %}- …and {{ more.decisions }} more decisions in the [timeline]({{ incident.href }})
{% endif -%}
{%- endif %}
{%- if actions.size > 0 %}

### What was done
{% for e in actions -%}
- {{ e.text }} ([{{ e.at }}]({{ e.href }}))
{% endfor -%}
{% if more.actions > 0 %}- …and {{ more.actions }} more actions in the [timeline]({{ incident.href }})
{% endif -%}
{%- endif %}`,

  contributing_factors: ``,

  // The three questions are the section's prompts; the answers are all people's (decision 0042).
  lessons: ``,

  communication: `{%- if updates.size > 0 -%}
- **First public update:** {{ communication.first_update_after }} after the start ([update]({{ communication.first_update_href }})).
- **Promised updates kept:** {{ communication.kept }} of {{ communication.promised }} ([comms]({{ incident.href }}/comms)).

### Updates published
{% for u in updates -%}
- **{{ u.at }}**, [{{ u.status }}]({{ u.href }}): {{ u.text }}{% if u.promise != "" %} ({{ u.promise }}){% endif %}
{% endfor -%}
{%- else -%}
- No public update was published ([comms]({{ incident.href }}/comms)).
{%- endif -%}`,
};
