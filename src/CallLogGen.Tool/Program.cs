using CallLogGen.Tool.Cli;

return await ToolCommand.RunAsync(args, new ToolContext(Console.Out, Console.Error, Environment.CurrentDirectory, ToolServices.Default), CancellationToken.None).ConfigureAwait(false);
