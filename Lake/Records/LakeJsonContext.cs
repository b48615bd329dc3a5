namespace Insights.Lake.Records;

using System.Text.Json.Serialization;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RawEventRecord))]
[JsonSerializable(typeof(QuarantineRecord))]
public sealed partial class LakeJsonContext : JsonSerializerContext;
