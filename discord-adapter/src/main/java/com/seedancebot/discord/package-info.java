/** The Discord chat surface: slash commands, deferred replies, video delivery (JDA). */
package com.seedancebot.discord;
