/** Types of go-tool.mjs (plain Node, used before dependencies are installed). */
export declare function ensureGoTool(options: { binary: string; module: string; envVar: string; label: string; say?: (message: string) => void }): Promise<string>;
