import type { TaskConfig } from 'payload'

/**
 * Publishes an article at its 予約公開 time. Queued by the article's hook with `waitUntil`
 * and run by the jobs runner inside the `npm start` process. If the article was rescheduled,
 * unscheduled or changed state since, the job does nothing: the newer schedule has its own job.
 */
export const publishScheduledArticle: TaskConfig<'publishScheduledArticle'> = {
  slug: 'publishScheduledArticle',
  label: '予約公開',
  retries: 3,
  inputSchema: [
    { name: 'article', type: 'text', required: true },
    { name: 'scheduledAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const article = await req.payload
      .findByID({
        collection: 'articles',
        id: input.article,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    const due =
      article?.workflowState === 'scheduled' &&
      article.scheduledAt &&
      Date.parse(article.scheduledAt) === Date.parse(input.scheduledAt) &&
      Date.parse(article.scheduledAt) <= Date.now()
    if (!article || !due) return { output: { result: 'skipped' } }
    await req.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published', workflowComment: '予約日時になったため自動で公開しました' },
      overrideAccess: true,
      depth: 0,
      // no req: it runs as the system, not as whoever scheduled it (they may have lost the
      // editor role since), in a transaction of its own
    })
    return { output: { result: 'published' } }
  },
}
