// Finds a logged event by id among the rows already read.
import { AppError } from '../../core/errors';
import type { LoggedEvent } from '../../core/types';
import type { Workbook } from '../repo';

export function findEvent(wb: Workbook, id: string): { event: LoggedEvent; index: number } {
  const index = wb.events.items.findIndex((e) => e.id === id);
  if (index < 0) throw new AppError('eventNotFound', { id: id.slice(0, 40) });
  return { event: wb.events.items[index], index };
}
