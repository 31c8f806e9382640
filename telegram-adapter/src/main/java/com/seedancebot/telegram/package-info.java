/** The Telegram chat surface: update parsing, status messages, video upload (TelegramBots). */
package com.seedancebot.telegram;
