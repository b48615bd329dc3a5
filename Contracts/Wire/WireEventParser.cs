namespace Insights.Wire;

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Insights.Events;

/// <summary>
/// Turns one JSON element of an ingest batch into a validated event, or into a reason (a whole batch body in one
/// pass: <see cref="WireBatchParser"/>, with the same rules).
/// Each element is read on its own so a bad neighbour never costs a good event.
/// Unknown fields are ignored, so producers may send more than Insights reads.
/// </summary>
public sealed class WireEventParser(IngestLimits limits, TimeProvider clock)
{
    public WireParseResult Parse(JsonElement element, DateTimeOffset ingestedAt)
    {
        // The JSON reader checks UTF-8 only where it decodes a string, and then throws. An event is also kept verbatim
        // as JSON text (raw zone, quarantine), fields read or not, so all of it must be UTF-8.
        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(element)))
        {
            return WireParseResult.Fail("the event is not valid UTF-8");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return WireParseResult.Fail($"an event must be a JSON object, not {Describe(element.ValueKind)}");
        }

        return Parse(new JsonElementObject(element), ingestedAt);
    }

    /// <summary>An event object, valid UTF-8, read by the rules; the JSON behind it may have been parsed either way.</summary>
    internal WireParseResult Parse(IWireObject fields, DateTimeOffset ingestedAt)
    {
        var reader = new FieldReader(fields, limits, clock.GetUtcNow());
        var type = reader.String(WireFields.Type, required: true, maxLength: 32);
        if (type is null)
        {
            return WireParseResult.Fail(reader.Error!);
        }

        return type switch
        {
            WireFields.TypeVideo => ReadVideo(reader, ingestedAt),
            WireFields.TypeComment => ReadComment(reader, ingestedAt),
            WireFields.TypeEngagement => ReadEngagement(reader, ingestedAt),
            _ => WireParseResult.Fail($"type: unknown event type '{Truncate(type)}' (expected video, comment or engagement)"),
        };
    }

    private WireParseResult ReadVideo(FieldReader r, DateTimeOffset ingestedAt)
    {
        var id = r.Identifier(WireFields.Id, required: true);
        var username = r.String(WireFields.Username, required: true, maxLength: 64);
        var createTime = r.Time(WireFields.CreateTime, required: true);
        var region = r.String(WireFields.RegionCode, required: false, maxLength: 8);
        var description = r.String(WireFields.VideoDescription, required: false, maxLength: limits.MaxDescriptionLength);
        var hashtags = r.StringList(WireFields.HashtagNames, limits.MaxHashtags, maxLength: 100);
        var musicId = r.Identifier(WireFields.MusicId, required: false);
        var duration = r.Integer(WireFields.Duration, required: false, max: 24 * 3600);
        if (r.Error is not null)
        {
            return WireParseResult.Fail(r.Error, WireFields.TypeVideo, id);
        }

        return WireParseResult.Ok(new VideoPublished
        {
            VideoId = id!,
            IngestedAt = ingestedAt,
            Username = username!,
            CreateTime = createTime!.Value,
            RegionCode = region,
            VideoDescription = description,
            HashtagNames = hashtags ?? [],
            MusicId = musicId,
            DurationSeconds = (int)(duration ?? 0),
        }, WireFields.TypeVideo, id);
    }

    private WireParseResult ReadComment(FieldReader r, DateTimeOffset ingestedAt)
    {
        var id = r.Identifier(WireFields.Id, required: true);
        var videoId = r.Identifier(WireFields.VideoId, required: true);
        var text = r.String(WireFields.Text, required: true, maxLength: limits.MaxCommentTextLength, allowEmpty: false);
        var likes = r.Integer(WireFields.LikeCount, required: false, max: limits.MaxCounter);
        var replies = r.Integer(WireFields.ReplyCount, required: false, max: limits.MaxCounter);
        var parent = r.Identifier(WireFields.ParentCommentId, required: false);
        var createTime = r.Time(WireFields.CreateTime, required: true);
        var username = r.String(WireFields.Username, required: false, maxLength: 64);
        if (r.Error is not null)
        {
            return WireParseResult.Fail(r.Error, WireFields.TypeComment, id);
        }

        return WireParseResult.Ok(new CommentPosted
        {
            VideoId = videoId!,
            IngestedAt = ingestedAt,
            CommentId = id!,
            Text = text!,
            LikeCount = likes ?? 0,
            ReplyCount = replies ?? 0,
            ParentCommentId = parent,
            CreateTime = createTime!.Value,
            Username = username ?? "",
        }, WireFields.TypeComment, id);
    }

    private WireParseResult ReadEngagement(FieldReader r, DateTimeOffset ingestedAt)
    {
        var videoId = r.Identifier(WireFields.VideoId, required: true);
        var time = r.Time(WireFields.Time, required: true);
        var views = r.Integer(WireFields.ViewCount, required: true, max: limits.MaxCounter);
        var likes = r.Integer(WireFields.LikeCount, required: true, max: limits.MaxCounter);
        var shares = r.Integer(WireFields.ShareCount, required: true, max: limits.MaxCounter);
        if (r.Error is not null)
        {
            return WireParseResult.Fail(r.Error, WireFields.TypeEngagement, videoId);
        }

        return WireParseResult.Ok(new EngagementObserved
        {
            VideoId = videoId!,
            IngestedAt = ingestedAt,
            ObservedAt = time!.Value,
            ViewCount = views!.Value,
            LikeCount = likes!.Value,
            ShareCount = shares!.Value,
        }, WireFields.TypeEngagement, videoId);
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";

    /// <summary>Reads fields of one object, keeping the first error so the reason names one field.</summary>
    private sealed class FieldReader(IWireObject fields, IngestLimits limits, DateTimeOffset now)
    {
        public string? Error { get; private set; }

        public string? String(string name, bool required, int maxLength, bool allowEmpty = true)
        {
            if (!TryGet(name, required, out var value))
            {
                return null;
            }

            if (value.Kind != JsonValueKind.String)
            {
                return Fail<string>($"{name}: must be a string, not {Describe(value.Kind)}");
            }

            var s = Decode(name, value);
            if (s is null)
            {
                return null;
            }

            if (!allowEmpty && string.IsNullOrWhiteSpace(s))
            {
                return Fail<string>($"{name}: must not be empty");
            }

            if (s.Length > maxLength)
            {
                return Fail<string>($"{name}: longer than {maxLength} characters ({s.Length})");
            }

            var problem = TextRules.FindProblem(s);
            return problem is null ? s : Fail<string>($"{name}: {problem}");
        }

        public string? Identifier(string name, bool required)
        {
            if (!TryGet(name, required, out var value))
            {
                return null;
            }

            // TikTok ids are 64-bit numbers; accept them as numbers too, and keep them as text.
            var s = value.Kind switch
            {
                JsonValueKind.String => Decode(name, value),
                JsonValueKind.Number when value.TryGetInt64(out var n) && n >= 0 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (s is null)
            {
                return Fail<string>($"{name}: must be a string or a non-negative integer, not {Describe(value.Kind)}");
            }

            return Ids.IsValid(s) ? s : Fail<string>($"{name}: {Ids.Rule}");
        }

        public long? Integer(string name, bool required, long max)
        {
            if (!TryGet(name, required, out var value))
            {
                return null;
            }

            if (value.Kind != JsonValueKind.Number || !value.TryGetInt64(out var n))
            {
                return Fail<long?>($"{name}: must be an integer, not {Describe(value.Kind)}");
            }

            if (n < 0)
            {
                return Fail<long?>($"{name}: must not be negative ({n})");
            }

            return n > max ? Fail<long?>($"{name}: {n} is larger than the allowed {max}") : n;
        }

        public DateTimeOffset? Time(string name, bool required)
        {
            var seconds = Integer(name, required, max: long.MaxValue);
            if (seconds is null)
            {
                return null;
            }

            if (seconds.Value > 253_402_300_799) // 9999-12-31, the last second DateTimeOffset can hold
            {
                return Fail<DateTimeOffset?>($"{name}: {seconds} is not a Unix time in seconds");
            }

            var time = DateTimeOffset.FromUnixTimeSeconds(seconds.Value);
            if (time < limits.MinEventTime)
            {
                return Fail<DateTimeOffset?>($"{name}: {time:O} is before {limits.MinEventTime:yyyy-MM-dd}");
            }

            if (time > now + limits.MaxFutureSkew)
            {
                return Fail<DateTimeOffset?>($"{name}: {time:O} is in the future");
            }

            return time;
        }

        public IReadOnlyList<string>? StringList(string name, int maxItems, int maxLength)
        {
            if (!TryGet(name, required: false, out var value))
            {
                return null;
            }

            if (value.Kind != JsonValueKind.Array)
            {
                return Fail<IReadOnlyList<string>>($"{name}: must be an array of strings, not {Describe(value.Kind)}");
            }

            var count = value.GetArrayLength();
            if (count > maxItems)
            {
                return Fail<IReadOnlyList<string>>($"{name}: more than {maxItems} items");
            }

            var list = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var item = value.Item(i);
                if (item.Kind != JsonValueKind.String)
                {
                    return Fail<IReadOnlyList<string>>($"{name}: every item must be a string, not {Describe(item.Kind)}");
                }

                var s = Decode(name, item);
                if (s is null)
                {
                    return null;
                }

                var problem = s.Length > maxLength ? $"an item is longer than {maxLength} characters" : TextRules.FindProblem(s);
                if (problem is not null)
                {
                    return Fail<IReadOnlyList<string>>($"{name}: {problem}");
                }

                list.Add(s);
            }

            return list;
        }

        /// <summary>
        /// A JSON string as text. The event is valid UTF-8 (checked first), so the only string the reader cannot decode
        /// is one with an escaped lone surrogate (<c>"\ud800"</c>), which no text may hold.
        /// </summary>
        private string? Decode(string name, WireValue value)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                return Fail<string>($"{name}: contains a lone surrogate (an unpaired \\uD800-\\uDFFF escape)");
            }
        }

        private bool TryGet(string name, bool required, out WireValue value)
        {
            if (Error is not null)
            {
                value = default;
                return false;
            }

            try
            {
                if (fields.TryGet(name, out value))
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // Looking a field up decodes every escaped field name on the way, and one with an escaped lone
                // surrogate cannot be decoded: the event has a name that is not text, whichever field it is.
                Error = "a field name contains a lone surrogate (an unpaired \\uD800-\\uDFFF escape)";
                value = default;
                return false;
            }

            if (required)
            {
                Error = $"{name}: required";
            }

            return false;
        }

        private T? Fail<T>(string error)
        {
            Error ??= error;
            return default;
        }
    }
}
