-- Key lifecycle: list-keys pages through a project's keys in creation order, and the deletion
-- sweep finds keys whose waiting period has passed. scheduled_deletion_date is set exactly while
-- a key is pending deletion (state 4), so the sweep needs no knowledge of state values.

CREATE INDEX cmks_by_project ON cmks (project_id, creation_date, key_id);

CREATE INDEX cmks_by_deletion_date ON cmks (scheduled_deletion_date);
