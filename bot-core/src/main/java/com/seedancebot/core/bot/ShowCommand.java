package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetFile;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.JobChoice;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobCardText;
import com.seedancebot.core.delivery.VideoDeliveries;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.story.Storyboards;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /show <job>} (and the Show button of {@code /history}): the job's card, and for a finished
 * video the video again, from the bot's stored copy, with its caption and the result buttons
 * ({@link com.seedancebot.core.delivery.ResultButtons}). A job the caller may not see ({@link
 * JobVisibility}) is answered exactly like one that does not exist. When the stored video is gone
 * (retention) or cannot be posted, the card comes as text with a note. A storyboard's id shows its
 * card ({@link StoryCard}: its scenes, each with a Show button) and its joined video, whose buttons
 * act on the storyboard. Thread-safe; blocks on the database, the asset store and the upload.
 */
public final class ShowCommand {

  private static final Logger log = LoggerFactory.getLogger(ShowCommand.class);
  private static final int SCANNED_CHOICES = 100;
  private static final int MAX_CHOICES = 25;
  private static final int MAX_LABEL = 100;

  private final JobService jobs;
  private final JobCardText cards;
  private final VideoDeliveries deliveries;
  private final AssetStore assets;
  private final ChatPorts ports;
  private final JobVisibility visibility;
  private final Replies replies;
  private final Storyboards stories;
  private final StoryCard storyCards;

  public ShowCommand(
      JobService jobs,
      JobCardText cards,
      VideoDeliveries deliveries,
      AssetStore assets,
      ChatPorts ports,
      Gatekeeper gate,
      Replies replies,
      Storyboards stories,
      StoryCardTexts storyTexts) {
    this.jobs = jobs;
    this.cards = cards;
    this.deliveries = deliveries;
    this.assets = assets;
    this.ports = ports;
    this.visibility = new JobVisibility(gate);
    this.replies = replies;
    this.stories = stories;
    this.storyCards = new StoryCard(replies, storyTexts.catalog(), storyTexts.costs());
  }

  /** What the storyboard card needs to estimate a storyboard: the models and their prices. */
  public record StoryCardTexts(ModelCatalog catalog, CostEstimator costs) {}

  /**
   * Shows the job: its card, then (for a finished video still stored) the video with its caption
   * and buttons. Returns the text to reply with, or null when everything was sent.
   */
  public String run(UserRef user, ChatRef chat, String messageId, String jobId) {
    Optional<Job> asJob = jobs.find(jobId);
    if (asJob.isEmpty() && stories != null) {
      Optional<Storyboards.Story> story =
          stories
              .find(jobId)
              .filter(s -> s.id().equals(jobId))
              .filter(s -> visibility.maySee(user, chat, s.first()));
      if (story.isPresent()) {
        return showStory(user, chat, messageId, story.get());
      }
    }
    Optional<Job> found = asJob.filter(j -> visibility.maySee(user, chat, j));
    if (found.isEmpty()) {
      return replies.text(user.locale(), "show.not_found", jobId);
    }
    Job job = found.get();
    String card = cards.render(job, user.locale());
    var port = ports.forPlatform(chat.platform());
    if (job.state() != JobState.SUCCEEDED || job.result() == null || port.isEmpty()) {
      return card;
    }
    if (!exists(job.result().videoAssetId())) {
      return card + "\n" + replies.text(user.locale(), "show.video_gone");
    }
    try {
      port.get().sendText(chat, messageId, card);
    } catch (ChatDeliveryException e) {
      return card; // the command layer tries again with its reply; the video would come alone
    }
    return postVideo(job, port.get(), chat, messageId)
        ? null
        : replies.text(user.locale(), "show.video_gone");
  }

  /** The storyboard's card with a Show button per scene, then its joined video once made. */
  private String showStory(UserRef user, ChatRef chat, String messageId, Storyboards.Story story) {
    StoryCard.Card card = storyCards.render(story, user.locale());
    var port = ports.forPlatform(chat.platform());
    if (port.isEmpty()) {
      return card.text();
    }
    try {
      port.get().sendText(chat, messageId, card.text(), card.buttons());
    } catch (ChatDeliveryException e) {
      return card.text();
    }
    Optional<Job> video = stories.video(story.id());
    if (video.isEmpty()) {
      return null;
    }
    return exists(video.get().result().videoAssetId())
            && postVideo(video.get(), port.get(), chat, messageId)
        ? null
        : replies.text(user.locale(), "show.video_gone");
  }

  /** The caller's recent jobs in this chat matching {@code typed}, for autocomplete. */
  public List<JobChoice> choices(UserRef user, ChatRef chat, String typed) {
    String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return jobs.recent(user, SCANNED_CHOICES).stream()
        .filter(j -> visibility.maySee(user, chat, j))
        .filter(
            j ->
                wanted.isEmpty()
                    || j.id().toLowerCase(Locale.ROOT).contains(wanted)
                    || j.request().prompt().toLowerCase(Locale.ROOT).contains(wanted))
        .limit(MAX_CHOICES)
        .map(j -> new JobChoice(j.id(), label(j, user.locale())))
        .toList();
  }

  private String label(Job job, Locale l) {
    String state = replies.text(l, "state." + job.state().name().toLowerCase(Locale.ROOT));
    String label =
        job.id() + " · " + state + " · " + job.request().prompt().replaceAll("\\s+", " ");
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
  }

  private boolean postVideo(Job job, ChatPort port, ChatRef chat, String messageId) {
    JobResult r = job.result();
    String frameId =
        r.lastFrameAssetId() != null && exists(r.lastFrameAssetId()) ? r.lastFrameAssetId() : null;
    try (AssetFile video = assets.localFile(r.videoAssetId());
        AssetFile frame = frameId == null ? null : assets.localFile(frameId)) {
      port.deliverVideo(
          deliveries.again(
              job, chat, messageId, video.path(), frame == null ? null : frame.path()));
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
