namespace Insights.Lake.Local;

/// <summary>The lake in a local folder: <c>{root}/raw</c>, <c>{root}/processed</c>, <c>{root}/quarantine</c>.</summary>
public sealed class LocalFolderLakeStore(string root) : ILakeStore
{
    private readonly LocalFolderBlobStore _raw = new(Path.Combine(root, "raw"));
    private readonly LocalFolderBlobStore _processed = new(Path.Combine(root, "processed"));
    private readonly LocalFolderBlobStore _quarantine = new(Path.Combine(root, "quarantine"));

    public string Description => "folder " + Path.GetFullPath(root);

    public IBlobStore Zone(LakeZone zone) => zone switch
    {
        LakeZone.Raw => _raw,
        LakeZone.Processed => _processed,
        LakeZone.Quarantine => _quarantine,
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };
}
