namespace Insights.Topics.Building;

using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Insights.Topics.Modeling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Builds one UTC day's topics from the processed zone's comments: reads the day's comment files (skipped whole
/// when their <see cref="DayFingerprint"/> equals the last build's), fits the model on a deterministic sample (and,
/// optionally, the commented videos' descriptions), assigns every comment, counts each topic's comments, videos and
/// sentiment, keeps earlier topics' ids (<see cref="TopicIdMatcher"/>) and writes the day's files (<see cref="TopicsLake"/>).
/// </summary>
public sealed class TopicBuilder(
    ILakeStore lake, ITopicModelTrainer trainer, IOptions<TopicsOptions> options, IOptions<TopicModelOptions> modelOptions,
    TimeProvider time, ILogger<TopicBuilder> logger)
{
    private readonly TopicsLake _topics = new(lake);

    public async Task<TopicBuildResult> BuildAsync(DateOnly date, string? lastFingerprint = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var files = await DayComments.ListAsync(lake, date, cancellationToken);
        var fingerprint = DayFingerprint.Of(files);
        if (fingerprint == lastFingerprint)
        {
            return new TopicBuildResult
            {
                Date = date, StartedAt = started, Duration = time.GetUtcNow() - started, Fingerprint = fingerprint, Unchanged = true, Files = files.Count,
            };
        }

        var day = await DayComments.ReadAsync(lake, files, logger, cancellationToken);
        var comments = day.Comments;
        var training = Sample(comments, modelOptions.Value.MaxTrainingComments);
        var documents = training.Select(c => new TopicDocument(c.CommentId, c.Text, c.Language)).ToList();
        if (options.Value.IncludeVideoDescriptions)
        {
            documents.AddRange(await DescriptionsAsync(comments, cancellationToken));
        }

        var model = await Task.Run(() => trainer.Fit(documents, cancellationToken), cancellationToken);
        var assignments = model.Assign(comments.Select(c => new TopicDocument(c.CommentId, c.Text, c.Language))).ToList();
        cancellationToken.ThrowIfCancellationRequested();

        var perTopic = new Dictionary<int, (SentimentSums Sums, HashSet<string> Videos)>();
        var perVideo = new Dictionary<(string Video, int Topic), SentimentSums>();
        var assigned = new List<(CommentRow Comment, TopicAssignment Assignment)>();
        for (var i = 0; i < comments.Count; i++)
        {
            if (assignments[i] is not { } assignment)
            {
                continue;
            }

            var comment = comments[i];
            assigned.Add((comment, assignment));
            if (!perTopic.TryGetValue(assignment.Topic, out var topic))
            {
                perTopic[assignment.Topic] = topic = (new SentimentSums(), new HashSet<string>(StringComparer.Ordinal));
            }

            topic.Sums.Add(comment);
            topic.Videos.Add(comment.VideoId);
            if (!perVideo.TryGetValue((comment.VideoId, assignment.Topic), out var video))
            {
                perVideo[(comment.VideoId, assignment.Topic)] = video = new SentimentSums();
            }

            video.Add(comment);
        }

        // Topics no comment landed in (fitted on descriptions only) are left out: a topic of the day has comments.
        var topics = model.Topics.Where(t => perTopic.ContainsKey(t.Index)).ToList();
        var sameDay = await _topics.ReadDayAsync(date, cancellationToken);
        var dayBefore = await _topics.ReadDayAsync(date.AddDays(-1), cancellationToken);
        var ids = TopicIdMatcher.Assign(date, topics, sameDay?.Known() ?? [], dayBefore?.Known() ?? [], options.Value.MatchThreshold);
        var idOf = topics.Select((t, n) => (t.Index, Id: ids[n])).ToDictionary(p => p.Index, p => p.Id);
        var previous = dayBefore?.Topics.ToDictionary(t => t.TopicId, t => t.Comments, StringComparer.Ordinal) ?? [];

        var midnight = TopicsLake.Midnight(date);
        var builtAt = time.GetUtcNow().UtcDateTime;
        var topicRows = topics
            .Select(t =>
            {
                var (sums, videos) = perTopic[t.Index];
                var id = idOf[t.Index];
                return new TopicRow
                {
                    Date = midnight, TopicId = id, Label = t.Label, Terms = string.Join(", ", t.Terms.Select(w => w.Term)),
                    Comments = sums.Comments, Videos = videos.Count, Positive = sums.Positive, Neutral = sums.Neutral, Negative = sums.Negative,
                    MeanScore = sums.MeanScore, SentimentScore = sums.SentimentScore,
                    PreviousComments = previous.TryGetValue(id, out var before) ? before : null,
                    Model = model.Name, BuiltAt = builtAt,
                };
            })
            .OrderByDescending(t => t.Comments).ThenBy(t => t.TopicId, StringComparer.Ordinal)
            .ToList();
        var termRows = topics
            .SelectMany(t => t.Terms.Select((w, r) => new TopicTermRow { Date = midnight, TopicId = idOf[t.Index], Rank = r + 1, Term = w.Term, Weight = w.Weight }))
            .ToList();
        var commentRows = assigned
            .Select(a => new CommentTopicRow
            {
                Date = midnight, CommentId = a.Comment.CommentId, VideoId = a.Comment.VideoId, TopicId = idOf[a.Assignment.Topic], Weight = a.Assignment.Weight,
            })
            .ToList();
        var videoRows = perVideo
            .Select(p => new VideoTopicRow
            {
                Date = midnight, VideoId = p.Key.Video, TopicId = idOf[p.Key.Topic], Comments = p.Value.Comments,
                Positive = p.Value.Positive, Neutral = p.Value.Neutral, Negative = p.Value.Negative,
                MeanScore = p.Value.MeanScore, SentimentScore = p.Value.SentimentScore,
            })
            .OrderBy(v => v.VideoId, StringComparer.Ordinal).ThenByDescending(v => v.Comments).ThenBy(v => v.TopicId, StringComparer.Ordinal)
            .ToList();

        await _topics.WriteAsync(date, topicRows, termRows, commentRows, videoRows, cancellationToken);
        logger.LogInformation(
            "Topics of {Date}: {Topics} topics over {Assigned} of {Comments} comments from {Files} files ({Unreadable} unreadable), fitted on {Training}",
            date, topicRows.Count, assigned.Count, comments.Count, files.Count, day.UnreadableFiles.Count, training.Count);
        return new TopicBuildResult
        {
            Date = date, StartedAt = started, Duration = time.GetUtcNow() - started, Fingerprint = fingerprint, Files = files.Count,
            UnreadableFiles = day.UnreadableFiles, Comments = comments.Count, TrainingComments = training.Count, Assigned = assigned.Count,
            Model = model.Name, Topics = new StoredDayTopics(date, topicRows, termRows), VideoTopics = videoRows,
        };
    }

    /// <summary>The comments with the smallest id hashes: the same sample whatever order the files were read in.</summary>
    private static IReadOnlyList<CommentRow> Sample(IReadOnlyList<CommentRow> comments, int max) =>
        comments.Count <= max
            ? comments
            : comments.OrderBy(c => KMeansTopicModelTrainer.StableHash(c.CommentId)).ThenBy(c => c.CommentId, StringComparer.Ordinal).Take(max).ToList();

    private async Task<IEnumerable<TopicDocument>> DescriptionsAsync(IReadOnlyList<CommentRow> comments, CancellationToken cancellationToken)
    {
        var commented = comments.Select(c => c.VideoId).ToHashSet(StringComparer.Ordinal);
        IList<VideoDimRow> videos;
        try
        {
            videos = await new DimensionTables(lake).ReadVideosAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Descriptions only help the fit; the comments alone still make the day's topics.
            logger.LogWarning(ex, "Topics: the video dimension cannot be read; fitting on comments only");
            return [];
        }

        return videos
            .Where(v => commented.Contains(v.VideoId) && !string.IsNullOrWhiteSpace(v.VideoDescription))
            .OrderBy(v => v.VideoId, StringComparer.Ordinal)
            .Select(v => new TopicDocument("video:" + v.VideoId, v.VideoDescription!, "und"));
    }
}
