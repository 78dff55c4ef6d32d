import * as migration_20261124_061519_initial from './20261124_061519_initial';

export const migrations = [
  {
    up: migration_20261124_061519_initial.up,
    down: migration_20261124_061519_initial.down,
    name: '20261124_061519_initial'
  },
];
