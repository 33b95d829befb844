package org.medrec.corpus;

import java.util.List;
import java.util.Map;

/**
 * One generated chart before it is degraded: its pages, the truth record of what they show, the paths written
 * by hand, and whether it is printed in colour (a red drop-out claim form).
 */
record Document(String docType, String variant, People.Clinic clinic, List<Sheet> pages, Map<String, Object> record,
                List<String> handwritten, boolean color, Map<String, Object> renderInfo) {
}
