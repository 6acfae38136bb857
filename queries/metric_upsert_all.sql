-- Every metric of the catalog (relation `frame`, one row per metric) into the metric table:
-- new ones added, the names, units and kinds of known ones updated.
insert into metric (metric_id, name_zh, name_en, unit_zh, unit_en, kind, category, aliases,
                    higher_is_better, non_negative, sort_order)
select metric_id, name_zh, name_en, unit_zh, unit_en, kind, category, aliases, higher_is_better, non_negative, sort_order
from frame
on conflict (metric_id) do update set
    name_zh = excluded.name_zh,
    name_en = excluded.name_en,
    unit_zh = excluded.unit_zh,
    unit_en = excluded.unit_en,
    kind = excluded.kind,
    category = excluded.category,
    aliases = excluded.aliases,
    higher_is_better = excluded.higher_is_better,
    non_negative = excluded.non_negative,
    sort_order = excluded.sort_order
