package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobCardText;
import com.seedancebot.core.delivery.VideoDeliveries;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobState;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /show <job>} (and the Show button of {@code /history}): the job's card, and for a finished
 * video the video again, from the bot's stored copy, with the card as its caption and the result
 * buttons ({@link com.seedancebot.core.delivery.ResultButtons}). A job the caller may not see
 * ({@link JobVisibility}) is answered exactly like one that does not exist. When the stored video
 * is gone (retention) or cannot be posted, the card comes as text with a note. Thread-safe; blocks
 * on the database, the asset store and the upload.
 */
public final class ShowCommand {

  private static final Logger log = LoggerFactory.getLogger(ShowCommand.class);

  private final JobService jobs;
  private final JobCardText cards;
  private final VideoDeliveries deliveries;
  private final AssetStore assets;
  private final ChatPorts ports;
  private final JobVisibility visibility;
  private final Replies replies;

  public ShowCommand(
      JobService jobs,
      JobCardText cards,
      VideoDeliveries deliveries,
      AssetStore assets,
      ChatPorts ports,
      Gatekeeper gate,
      Replies replies) {
    this.jobs = jobs;
    this.cards = cards;
    this.deliveries = deliveries;
    this.assets = assets;
    this.ports = ports;
    this.visibility = new JobVisibility(gate);
    this.replies = replies;
  }

  /** Shows the job; returns the text to reply with, or null when the video (with its card) went. */
  public String run(UserRef user, ChatRef chat, String messageId, String jobId) {
    Optional<Job> found = jobs.find(jobId).filter(j -> visibility.maySee(user, chat, j));
    if (found.isEmpty()) {
      return replies.text(user.locale(), "show.not_found", jobId);
    }
    Job job = found.get();
    String card = cards.render(job, user.locale());
    if (job.state() != JobState.SUCCEEDED || job.result() == null) {
      return card;
    }
    return postVideo(job, chat, messageId, card)
        ? null
        : card + "\n" + replies.text(user.locale(), "show.video_gone");
  }

  private boolean postVideo(Job job, ChatRef chat, String messageId, String card) {
    var port = ports.forPlatform(chat.platform());
    JobResult r = job.result();
    if (port.isEmpty() || !exists(r.videoAssetId())) {
      return false;
    }
    String frameId =
        r.lastFrameAssetId() != null && exists(r.lastFrameAssetId()) ? r.lastFrameAssetId() : null;
    try (AssetFile video = assets.localFile(r.videoAssetId());
        AssetFile frame = frameId == null ? null : assets.localFile(frameId)) {
      port.get()
          .deliverVideo(
              deliveries.again(
                  job, chat, messageId, video.path(), frame == null ? null : frame.path(), card));
      return true;
    } catch (IOException | ChatDeliveryException e) {
      log.warn("The video of job {} could not be shown again: {}", job.id(), e.getMessage());
      return false;
    }
  }

  private boolean exists(String assetId) {
    try {
      return assets.size(assetId).isPresent();
    } catch (IOException e) {
      return false;
    }
  }
}
