/**
 * What the instances of one Telegram bot share in the database: the inbox of received updates, the
 * long-polling lease and the webhook last registered (tables of migration V9).
 */
package com.seedancebot.telegram.store;
