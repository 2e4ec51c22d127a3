// Fault sweep, shard 3 of 4 (test/reliability/fault-sweep.ts): the sweep is split so jest's two workers share it.
import { faultSweep } from './fault-sweep';

faultSweep(3);
