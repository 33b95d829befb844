package org.medrec.page;

import java.util.List;

/**
 * The text layer of a born-digital PDF page: its words with boxes in pixel coordinates of the rendered
 * page image, in content-stream reading order as PDFBox sorts it (top to bottom, left to right).
 *
 * @param words the words, each with its box
 * @param text  the page's text as {@code PDFTextStripper} returns it (lines separated by newlines)
 */
public record TextLayer(List<TextWord> words, String text) {

    public TextLayer {
        words = List.copyOf(words);
        text = text == null ? "" : text;
    }
}
