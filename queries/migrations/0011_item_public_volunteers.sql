-- 0011_item_public_volunteers: a platform item says whether it is public; volunteer records kept as hashes.
--
-- A work whose review status is 自见, 私密 or 已删除 (data/sources/not_public.csv) is kept with its
-- figures but is not a published work: the monthly counts (posts, short_videos) leave it out.
-- Rows written before this migration were all counted as published: they stay true.
alter table platform_item add column is_public boolean default true;

-- The rows of volunteer exports, so that overlapping exports never count a person or a service
-- twice (the newest export of a service or a member wins, as for platform items). A person is a
-- keyed hash (museum.intake.people.person_key): no name, ID number or phone number is stored.
-- kind 'service': one person on one day at one activity (hours summed within an export);
-- kind 'member': one person on a roster (team, registration date). Versioned like every data table.
create table volunteer_record (
    institution_id  integer not null,
    kind            varchar not null check (kind in ('service', 'member')),
    person          varchar not null,         -- keyed hash, never the identity itself
    service_day     date,                     -- service: the day served
    activity        varchar,                  -- service: the activity ('' when the export names none)
    team            varchar,
    hours           double,                   -- service: hours on that day at that activity
    registered      date,                     -- member: registration date, null when the roster gives none
    batch_id        integer not null,
    retired_by_batch integer
);
