import * as migration_20261124_061519_initial from './20261124_061519_initial';
import * as migration_20261124_065440_article_search_featured from './20261124_065440_article_search_featured';
import * as migration_20261124_103119_workflow_compliance from './20261124_103119_workflow_compliance';
import * as migration_20261125_031616_page_dependencies from './20261125_031616_page_dependencies';
import * as migration_20261125_054118_reader_reviews from './20261125_054118_reader_reviews';
import * as migration_20261125_055736_review_decisions from './20261125_055736_review_decisions';
import * as migration_20261125_061820_review_replies from './20261125_061820_review_replies';
import * as migration_20261125_062037_agent_rating_details from './20261125_062037_agent_rating_details';
import * as migration_20261125_090148_reports_votes_privacy from './20261125_090148_reports_votes_privacy';
import * as migration_20261125_101644_click_details from './20261125_101644_click_details';
import * as migration_20261125_111146_marketing_links_rollups_results from './20261125_111146_marketing_links_rollups_results';
import * as migration_20261203_100616_click_rollup_grains from './20261203_100616_click_rollup_grains';
import * as migration_20261203_103456_click_visitor_markers from './20261203_103456_click_visitor_markers';
import * as migration_20261203_125227_article_search_key from './20261203_125227_article_search_key';
import * as migration_20261203_125916_outdated_facts_setting from './20261203_125916_outdated_facts_setting';
import * as migration_20261203_132006_transition_by_name from './20261203_132006_transition_by_name';
import * as migration_20261203_132718_official_plugins from './20261203_132718_official_plugins';
import * as migration_20261203_205526_articles_published_order from './20261203_205526_articles_published_order';
import * as migration_20261203_215239_drop_article_search_key from './20261203_215239_drop_article_search_key';
import * as migration_20261203_220133_reviews_listing_orders from './20261203_220133_reviews_listing_orders';
import * as migration_20261203_221006_article_listings from './20261203_221006_article_listings';
import * as migration_20261203_222549_admin_article_list_order from './20261203_222549_admin_article_list_order';
import * as migration_20261203_224717_articles_list_order_covering from './20261203_224717_articles_list_order_covering';
import * as migration_20261204_042851_page_ids_from_covering_indexes from './20261204_042851_page_ids_from_covering_indexes';
import * as migration_20261207_020329_compliance_checks_media_uses from './20261207_020329_compliance_checks_media_uses';
import * as migration_20261207_031917_compliance_indexes from './20261207_031917_compliance_indexes';
import * as migration_20261207_110701_sitemap_dates_index from './20261207_110701_sitemap_dates_index';
import * as migration_20261207_145710_agent_official_site from './20261207_145710_agent_official_site';
import * as migration_20261207_150135_review_pen_name from './20261207_150135_review_pen_name';
import * as migration_20261207_150928_author_pages from './20261207_150928_author_pages';
import * as migration_20261207_152609_profile_slug_not_unique from './20261207_152609_profile_slug_not_unique';
import * as migration_20261207_230707_reader_reviews from './20261207_230707_reader_reviews';
import * as migration_20261208_033852_review_sitemap_index from './20261208_033852_review_sitemap_index';
import * as migration_20261208_040002_asp_results_matched_click from './20261208_040002_asp_results_matched_click';

export const migrations = [
  {
    up: migration_20261124_061519_initial.up,
    down: migration_20261124_061519_initial.down,
    name: '20261124_061519_initial',
  },
  {
    up: migration_20261124_065440_article_search_featured.up,
    down: migration_20261124_065440_article_search_featured.down,
    name: '20261124_065440_article_search_featured',
  },
  {
    up: migration_20261124_103119_workflow_compliance.up,
    down: migration_20261124_103119_workflow_compliance.down,
    name: '20261124_103119_workflow_compliance',
  },
  {
    up: migration_20261125_031616_page_dependencies.up,
    down: migration_20261125_031616_page_dependencies.down,
    name: '20261125_031616_page_dependencies',
  },
  {
    up: migration_20261125_054118_reader_reviews.up,
    down: migration_20261125_054118_reader_reviews.down,
    name: '20261125_054118_reader_reviews',
  },
  {
    up: migration_20261125_055736_review_decisions.up,
    down: migration_20261125_055736_review_decisions.down,
    name: '20261125_055736_review_decisions',
  },
  {
    up: migration_20261125_061820_review_replies.up,
    down: migration_20261125_061820_review_replies.down,
    name: '20261125_061820_review_replies',
  },
  {
    up: migration_20261125_062037_agent_rating_details.up,
    down: migration_20261125_062037_agent_rating_details.down,
    name: '20261125_062037_agent_rating_details',
  },
  {
    up: migration_20261125_090148_reports_votes_privacy.up,
    down: migration_20261125_090148_reports_votes_privacy.down,
    name: '20261125_090148_reports_votes_privacy',
  },
  {
    up: migration_20261125_101644_click_details.up,
    down: migration_20261125_101644_click_details.down,
    name: '20261125_101644_click_details',
  },
  {
    up: migration_20261125_111146_marketing_links_rollups_results.up,
    down: migration_20261125_111146_marketing_links_rollups_results.down,
    name: '20261125_111146_marketing_links_rollups_results',
  },
  {
    up: migration_20261203_100616_click_rollup_grains.up,
    down: migration_20261203_100616_click_rollup_grains.down,
    name: '20261203_100616_click_rollup_grains',
  },
  {
    up: migration_20261203_103456_click_visitor_markers.up,
    down: migration_20261203_103456_click_visitor_markers.down,
    name: '20261203_103456_click_visitor_markers',
  },
  {
    up: migration_20261203_125227_article_search_key.up,
    down: migration_20261203_125227_article_search_key.down,
    name: '20261203_125227_article_search_key',
  },
  {
    up: migration_20261203_125916_outdated_facts_setting.up,
    down: migration_20261203_125916_outdated_facts_setting.down,
    name: '20261203_125916_outdated_facts_setting',
  },
  {
    up: migration_20261203_132006_transition_by_name.up,
    down: migration_20261203_132006_transition_by_name.down,
    name: '20261203_132006_transition_by_name',
  },
  {
    up: migration_20261203_132718_official_plugins.up,
    down: migration_20261203_132718_official_plugins.down,
    name: '20261203_132718_official_plugins',
  },
  {
    up: migration_20261203_205526_articles_published_order.up,
    down: migration_20261203_205526_articles_published_order.down,
    name: '20261203_205526_articles_published_order',
  },
  {
    up: migration_20261203_215239_drop_article_search_key.up,
    down: migration_20261203_215239_drop_article_search_key.down,
    name: '20261203_215239_drop_article_search_key',
  },
  {
    up: migration_20261203_220133_reviews_listing_orders.up,
    down: migration_20261203_220133_reviews_listing_orders.down,
    name: '20261203_220133_reviews_listing_orders',
  },
  {
    up: migration_20261203_221006_article_listings.up,
    down: migration_20261203_221006_article_listings.down,
    name: '20261203_221006_article_listings',
  },
  {
    up: migration_20261203_222549_admin_article_list_order.up,
    down: migration_20261203_222549_admin_article_list_order.down,
    name: '20261203_222549_admin_article_list_order',
  },
  {
    up: migration_20261203_224717_articles_list_order_covering.up,
    down: migration_20261203_224717_articles_list_order_covering.down,
    name: '20261203_224717_articles_list_order_covering',
  },
  {
    up: migration_20261204_042851_page_ids_from_covering_indexes.up,
    down: migration_20261204_042851_page_ids_from_covering_indexes.down,
    name: '20261204_042851_page_ids_from_covering_indexes',
  },
  {
    up: migration_20261207_020329_compliance_checks_media_uses.up,
    down: migration_20261207_020329_compliance_checks_media_uses.down,
    name: '20261207_020329_compliance_checks_media_uses',
  },
  {
    up: migration_20261207_031917_compliance_indexes.up,
    down: migration_20261207_031917_compliance_indexes.down,
    name: '20261207_031917_compliance_indexes',
  },
  {
    up: migration_20261207_110701_sitemap_dates_index.up,
    down: migration_20261207_110701_sitemap_dates_index.down,
    name: '20261207_110701_sitemap_dates_index',
  },
  {
    up: migration_20261207_145710_agent_official_site.up,
    down: migration_20261207_145710_agent_official_site.down,
    name: '20261207_145710_agent_official_site',
  },
  {
    up: migration_20261207_150135_review_pen_name.up,
    down: migration_20261207_150135_review_pen_name.down,
    name: '20261207_150135_review_pen_name',
  },
  {
    up: migration_20261207_150928_author_pages.up,
    down: migration_20261207_150928_author_pages.down,
    name: '20261207_150928_author_pages',
  },
  {
    up: migration_20261207_152609_profile_slug_not_unique.up,
    down: migration_20261207_152609_profile_slug_not_unique.down,
    name: '20261207_152609_profile_slug_not_unique',
  },
  {
    up: migration_20261207_230707_reader_reviews.up,
    down: migration_20261207_230707_reader_reviews.down,
    name: '20261207_230707_reader_reviews',
  },
  {
    up: migration_20261208_033852_review_sitemap_index.up,
    down: migration_20261208_033852_review_sitemap_index.down,
    name: '20261208_033852_review_sitemap_index',
  },
  {
    up: migration_20261208_040002_asp_results_matched_click.up,
    down: migration_20261208_040002_asp_results_matched_click.down,
    name: '20261208_040002_asp_results_matched_click'
  },
];
