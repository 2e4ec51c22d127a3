// Fault sweep, shard 2 of 4 (test/reliability/fault-sweep.ts): the sweep is split so jest's two workers share it.
import { faultSweep } from './fault-sweep';

faultSweep(2);
