-- 008_worksheet_training: a worksheet started from a guidebook's worked example for training
-- (cairn tool run ID --example) names that example here; NULL for a district's own work.
-- Such a worksheet writes nothing into the plan model, and its report says it is training.
ALTER TABLE worksheet ADD COLUMN training TEXT;
