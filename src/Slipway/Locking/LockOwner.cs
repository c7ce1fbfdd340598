using System.Diagnostics;
using System.Globalization;

namespace Slipway.Locking;

/// <summary>The file beside the checkout lock naming the process that holds it, so a waiting build can say whom it
/// waits for (the lock file itself cannot be read while it is held).</summary>
internal sealed class LockOwner(string path)
{
    public int? Read()
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(int processId)
    {
        Paths.AtomicFile.WriteAllText(path, processId.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    public void Delete()
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
