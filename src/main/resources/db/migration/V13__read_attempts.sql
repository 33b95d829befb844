-- How many times a stage began reading a chart file that it had not finished. A file whose reading
-- took the process down (a native crash of Tesseract or of an image decoder) twice is quarantined
-- on the next attempt instead of taking the run down again and again (issue 7).
ALTER TABLE source_file ADD COLUMN read_attempts integer NOT NULL DEFAULT 0;
