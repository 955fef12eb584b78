// Query parameters that identify a campaign, a click or a share, never the page. Removing them
// lets two links to one article compare equal. Data only; canonicalUrl applies it. Entries
// ending in '*' are prefixes.
export const TRACKING_PARAMS: readonly string[] = [
  'utm_*', // Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, …)
  'fbclid', // Facebook click id
  'gclid', // Google Ads click id
  'gclsrc',
  'dclid', // DoubleClick
  'gbraid',
  'wbraid',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'twclid', // X/Twitter
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  'igshid', // Instagram share
  'igsh',
  'mc_cid', // Mailchimp
  'mc_eid',
  '_hsenc', // HubSpot
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok', // Marketo
  'vero_id', // Vero
  'vero_conv',
  'oly_anon_id', // Omeda
  'oly_enc_id',
  '_ga', // Google Analytics cross-domain
  '_gl',
  'ga_source',
  'ga_medium',
  'ga_campaign',
  'pk_*', // Matomo/Piwik campaign tags
  'mtm_*',
  'at_medium', // AT Internet
  'at_campaign',
  'at_custom*',
  'xtor', // AT Internet (older)
  'cmpid', // campaign ids used by many news sites
  'cmp',
  'ocid', // Microsoft/MSN
  'ncid',
  'sr_share', // news share buttons
  'smid', // New York Times share
  'smtyp',
  'share',
  'ref_src', // Twitter embeds
  'ref_url',
  '__twitter_impression',
  'spm', // Alibaba
  'scm',
  's_cid', // Adobe
  'wt.mc_id', // Webtrends
  'wt_mc',
  'rss', // "?rss=1" on feed links
  'feature', // "?feature=share"
  'src', // "?src=rss"
  'ito', // BBC
];
