-- Key versions: automatic rotation (docs/key-rotation.md) and imported material (docs/key-import.md).
-- rotation_interval is in days; every instant is epoch milliseconds. next_rotation is set exactly
-- while automatic rotation is on, so the rotation scheduler needs no knowledge of the flag;
-- material_expiration is set exactly while imported material has an expiry.

ALTER TABLE cmks ADD COLUMN rotation_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cmks ADD COLUMN rotation_interval INTEGER NOT NULL DEFAULT 365;
ALTER TABLE cmks ADD COLUMN last_rotation BIGINT;
ALTER TABLE cmks ADD COLUMN rotations INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cmks ADD COLUMN next_rotation BIGINT;
ALTER TABLE cmks ADD COLUMN material_expiration BIGINT;
ALTER TABLE cmks ADD COLUMN material_check VARCHAR(64);

CREATE INDEX cmks_by_next_rotation ON cmks (next_rotation);

CREATE INDEX cmks_by_material_expiration ON cmks (material_expiration);
