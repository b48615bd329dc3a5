namespace Insights.Lake.Local;

using System.Runtime.InteropServices;

/// <summary>
/// Moves a finished temporary file to a path only if nothing is there, atomically. .NET's
/// <c>File.Move(..., overwrite: false)</c> on Unix checks for the target and then renames, so two writers racing for
/// one path can both "win" (seen here: 34 rounds of 2,000). A hard link is the POSIX create-if-absent for a complete
/// file: <c>link(2)</c> fails with EEXIST when the target exists. No .NET API makes a hard link, hence the call.
/// </summary>
internal static partial class ExclusiveRename
{
    private const int EEXIST = 17; // the same on Linux and macOS

    /// <summary>True when <paramref name="temp"/> became <paramref name="target"/>; false, with temp deleted, when target existed.</summary>
    public static bool TryMove(string temp, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            // MoveFileEx without MOVEFILE_REPLACE_EXISTING is atomic and fails when the target exists.
            return MoveUnlessExists(temp, target);
        }

        if (Link(temp, target) == 0)
        {
            File.Delete(temp);
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error == EEXIST)
        {
            File.Delete(temp);
            return false;
        }

        // A file system without hard links (some network mounts): the check-then-rename, racy but the best there is.
        return MoveUnlessExists(temp, target);
    }

    private static bool MoveUnlessExists(string temp, string target)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(temp);
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string oldPath, string newPath);
}
