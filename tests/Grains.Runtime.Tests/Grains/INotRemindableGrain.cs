namespace Grains.Runtime.Tests.Grains;

public interface INotRemindableGrain : IGrainWithStringKey
{
    Task TryRegister();
}
