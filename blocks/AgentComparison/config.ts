import type { Block } from 'payload'

import { l } from '@/lib/i18n'

export const AgentComparisonBlock: Block = {
  slug: 'agentComparison',
  interfaceName: 'AgentComparisonBlock',
  labels: {
    singular: l('エージェント比較表', 'Agent comparison'),
    plural: l('エージェント比較表', 'Agent comparisons'),
  },
  fields: [
    { name: 'caption', type: 'text', label: l('表のタイトル', 'Caption'), maxLength: 80 },
    {
      name: 'agents',
      type: 'relationship',
      relationTo: 'agents',
      hasMany: true,
      minRows: 2,
      maxRows: 8,
      required: true,
      label: l('比較するエージェント', 'Agents'),
    },
  ],
}
