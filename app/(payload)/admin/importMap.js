import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PersonCell as PersonCell_7c1221bc417cf77105d2f4c97185b0d8 } from '../../../components/admin/PersonCell'
import { WorkflowStateCell as WorkflowStateCell_15f91c50ae75085511b472ba3c06c839 } from '../../../components/admin/WorkflowStateCell'
import { WorkflowActions as WorkflowActions_66b4f36787253afaa66730616d3330aa } from '../../../components/admin/WorkflowActions'
import { PromotionalCell as PromotionalCell_1edc1824cd8fdabfdee328d00b58a7d4 } from '../../../components/admin/PromotionalCell'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { WorkflowPublishButton as WorkflowPublishButton_d6cd64ab5a0544a3c9264a1b9595ca03 } from '../../../components/admin/WorkflowPublishButton'
import { TransitionByCell as TransitionByCell_ba14c24883ba88a1d931ba464dcbabfb } from '../../../components/admin/TransitionByCell'
import { LinkStatusCell as LinkStatusCell_b5ba4091d0d62efa187bf43397b1aad6 } from '../../../components/admin/LinkStatusCell'
import { LinkStateNote as LinkStateNote_b5ba4091d0d62efa187bf43397b1aad6 } from '../../../components/admin/LinkStatusCell'
import { LinkClicksCell as LinkClicksCell_c8ca3c657a79fae6c613275f75e20091 } from '../../../components/admin/LinkClicks'
import { LinkClicksField as LinkClicksField_c8ca3c657a79fae6c613275f75e20091 } from '../../../components/admin/LinkClicks'
import { GoAddress as GoAddress_7e86119ce701eb7a09cb7059797acc37 } from '../../../components/admin/GoAddress'
import { LinkHealthButton as LinkHealthButton_6acb70eeb38fd42cf22336e1401cef80 } from '../../../components/admin/LinkHealthButton'
import { LinkUsage as LinkUsage_4a21270c10faed93a31186a44e120aa8 } from '../../../components/admin/LinkUsage'
import { YesNoCell as YesNoCell_c819861bcfbec7c19feb676c4d30e0cc } from '../../../components/admin/YesNoCell'
import { OriginNotice as OriginNotice_2856525928e9b906f360a209157370b4 } from '../../../components/admin/OriginNotice'
import { ComplianceNavLink as ComplianceNavLink_cd73da64e7d866e6619468f3d90c21d0 } from '../../../components/admin/ComplianceNavLink'
import { WorkflowDashboard as WorkflowDashboard_cead6c93417abb72bd5111bca7a36758 } from '../../../components/admin/WorkflowDashboard'
import { ComplianceView as ComplianceView_ec7672fc7080fced9d33e4df55544763 } from '../../../components/admin/ComplianceView'
import { ClickReportView as ClickReportView_796bdb7b599942d6b06dd23739e782e8 } from '../../../components/admin/ClickReportView'
import { ReviewQueueView as ReviewQueueView_02f1ecfe363c3e174c36ec34482c6f38 } from '../../../components/admin/ReviewQueueView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/admin/PersonCell#PersonCell": PersonCell_7c1221bc417cf77105d2f4c97185b0d8,
  "/components/admin/WorkflowStateCell#WorkflowStateCell": WorkflowStateCell_15f91c50ae75085511b472ba3c06c839,
  "/components/admin/WorkflowActions#WorkflowActions": WorkflowActions_66b4f36787253afaa66730616d3330aa,
  "/components/admin/PromotionalCell#PromotionalCell": PromotionalCell_1edc1824cd8fdabfdee328d00b58a7d4,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "/components/admin/WorkflowPublishButton#WorkflowPublishButton": WorkflowPublishButton_d6cd64ab5a0544a3c9264a1b9595ca03,
  "/components/admin/TransitionByCell#TransitionByCell": TransitionByCell_ba14c24883ba88a1d931ba464dcbabfb,
  "/components/admin/LinkStatusCell#LinkStatusCell": LinkStatusCell_b5ba4091d0d62efa187bf43397b1aad6,
  "/components/admin/LinkStatusCell#LinkStateNote": LinkStateNote_b5ba4091d0d62efa187bf43397b1aad6,
  "/components/admin/LinkClicks#LinkClicksCell": LinkClicksCell_c8ca3c657a79fae6c613275f75e20091,
  "/components/admin/LinkClicks#LinkClicksField": LinkClicksField_c8ca3c657a79fae6c613275f75e20091,
  "/components/admin/GoAddress#GoAddress": GoAddress_7e86119ce701eb7a09cb7059797acc37,
  "/components/admin/LinkHealthButton#LinkHealthButton": LinkHealthButton_6acb70eeb38fd42cf22336e1401cef80,
  "/components/admin/LinkUsage#LinkUsage": LinkUsage_4a21270c10faed93a31186a44e120aa8,
  "/components/admin/YesNoCell#YesNoCell": YesNoCell_c819861bcfbec7c19feb676c4d30e0cc,
  "/components/admin/OriginNotice#OriginNotice": OriginNotice_2856525928e9b906f360a209157370b4,
  "/components/admin/ComplianceNavLink#ComplianceNavLink": ComplianceNavLink_cd73da64e7d866e6619468f3d90c21d0,
  "/components/admin/WorkflowDashboard#WorkflowDashboard": WorkflowDashboard_cead6c93417abb72bd5111bca7a36758,
  "/components/admin/ComplianceView#ComplianceView": ComplianceView_ec7672fc7080fced9d33e4df55544763,
  "/components/admin/ClickReportView#ClickReportView": ClickReportView_796bdb7b599942d6b06dd23739e782e8,
  "/components/admin/ReviewQueueView#ReviewQueueView": ReviewQueueView_02f1ecfe363c3e174c36ec34482c6f38,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
