/** A page of records, newest first: `before` is the id of the previous page's last record (usage records, exchanges). */
import { z } from 'zod';
import { USAGE_PAGE_SIZE_MAX } from './policy';

export const pageRequestFields = {
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(USAGE_PAGE_SIZE_MAX).optional(),
};
