namespace Open311.Data.Import;

/// <summary>Finds the folder of data packs: a <c>data</c> folder that contains <c>services/</c>.</summary>
public static class DataDirectory
{
    /// <summary>
    /// Returns the first <c>data</c> folder found walking up from <paramref name="start"/>, else the one beside
    /// the application, else null.
    /// </summary>
    public static string? Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (IsDataDirectory(candidate))
            {
                return candidate;
            }
        }

        var besideApp = Path.Combine(AppContext.BaseDirectory, "data");
        return IsDataDirectory(besideApp) ? besideApp : null;
    }

    public static bool IsDataDirectory(string path) => Directory.Exists(Path.Combine(path, "services"));
}
