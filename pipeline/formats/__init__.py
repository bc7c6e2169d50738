"""Gold and prediction records to and from annotation-tool formats (brat, doccano, Label Studio)
and the ner-wikipedia data set. Inside the project every offset is a Python code-point index,
end-exclusive (SPEC §1); tools that count UTF-16 code units are converted at the boundary
(`utf16.py`)."""
