/** The textbook implementation rounding to float16 after every operation, as a module for `nncheck run --module`. */
import { textbookImplementation } from "../textbookImplementation.ts";

export default textbookImplementation({ arithmetic: "float16" });
