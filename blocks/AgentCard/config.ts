import type { Block } from 'payload'

import { l } from '@/lib/i18n'

export const AgentCardBlock: Block = {
  slug: 'agentCard',
  interfaceName: 'AgentCardBlock',
  labels: {
    singular: l('エージェントカード', 'Agent card'),
    plural: l('エージェントカード', 'Agent cards'),
  },
  fields: [
    {
      name: 'agent',
      type: 'relationship',
      relationTo: 'agents',
      label: l('エージェント', 'Agent'),
      required: true,
    },
    {
      name: 'link',
      type: 'relationship',
      relationTo: 'affiliate-links',
      label: l(
        'リンク(空欄ならエージェントのメインリンク)',
        'Link (defaults to the agent’s primary link)',
      ),
    },
    {
      name: 'heading',
      type: 'text',
      label: l('見出し(任意)', 'Heading (optional)'),
      maxLength: 80,
    },
  ],
}
