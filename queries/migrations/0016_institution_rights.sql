-- 0016_institution_rights: an account's role in each institution, and which institution sponsors which.
--
-- membership: the role (viewer / editor / admin) an account has in one institution, or `sponsor`
-- on a 举办单位: view, never write, of that institution and of every institution it sponsors.
-- Accounts whose own role (app_user.role) is admin manage the install and act as admins in
-- every institution, including ones created later; nobody else gains a unit without a grant.
-- No foreign keys: DuckDB cannot alter or delete rows of a table other tables reference, and
-- museum/access/auth.py removes an account's memberships with the account.
create table membership (
    user_name       varchar not null,
    institution_id  integer not null,
    role            varchar not null check (role in ('viewer', 'editor', 'admin', 'sponsor')),
    primary key (user_name, institution_id)
);

-- institution_id is run or sponsored by sponsor_id (its 举办单位), one sponsor per institution.
create table institution_sponsor (
    institution_id  integer primary key,
    sponsor_id      integer not null check (sponsor_id <> institution_id)
);

-- An install made before this migration keeps behaving as it did: every account has its role in
-- every institution that exists now.
insert into membership (user_name, institution_id, role)
select u.user_name, i.institution_id, u.role
from app_user u cross join institution i;
