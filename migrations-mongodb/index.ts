// MongoDB's migrations. MongoDB takes its schema and indexes from the collections (mongoose
// builds the declared indexes when the site starts); its migrations move data only. SQLite's
// are in migrations/. Production runs the pending ones on start, as on SQLite.
import * as migration_20261204_000000_workflow_state from './20261204_000000_workflow_state'
import * as migration_20261207_000000_media_uses from './20261207_000000_media_uses'

export const migrations = [
  {
    up: migration_20261204_000000_workflow_state.up,
    down: migration_20261204_000000_workflow_state.down,
    name: '20261204_000000_workflow_state',
  },
  {
    up: migration_20261207_000000_media_uses.up,
    down: migration_20261207_000000_media_uses.down,
    name: '20261207_000000_media_uses',
  },
]
