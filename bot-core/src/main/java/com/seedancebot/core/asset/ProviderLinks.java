package com.seedancebot.core.asset;

/**
 * Which URL a provider gets for an attachment it must fetch: the bot's own signed link (the
 * default: providers only need to reach the bot, and any instance serves it), or a URL presigned by
 * the object store with the same lifetime, when the store can sign one (then the bot serves no
 * provider traffic). Data URLs for inline media are chosen before either.
 */
public enum ProviderLinks {
  BOT,
  PRESIGNED
}
