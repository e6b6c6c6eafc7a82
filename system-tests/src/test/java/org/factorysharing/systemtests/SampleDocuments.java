package org.factorysharing.systemtests;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * Documents as a member hands them in, for the tests: a small valid PDF whose text carries a marker found nowhere
 * else (to look for it in the database's files), a PNG, and the bad ones (text renamed .pdf, more than 5 MB, empty),
 * as bytes or as files for a browser to pick.
 */
public final class SampleDocuments {

    private SampleDocuments() {}

    /** A marker that occurs in no other data. */
    public static String marker() {
        return "DOKUMEN-RAHASIA-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A one-page PDF showing {@code text} (uncompressed, so the text is in the bytes as written). */
    public static byte[] pdf(String text) {
        String stream = "BT /F1 18 Tf 40 760 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A small PNG (a card-like picture), a valid image. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xE8F1FB));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x0B6E4F));
        g.fillRect(16, 16, 96, 120);
        g.fillRect(128, 32, 170, 12);
        g.fillRect(128, 64, 140, 12);
        g.fillRect(128, 96, 160, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Plain text, whatever name it is given. */
    public static byte[] text() {
        return "Ini bukan PDF, hanya teks biasa.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF of 6 MB: a valid start, then padding. */
    public static byte[] sixMegabytePdf() {
        byte[] big = new byte[6 * 1024 * 1024];
        byte[] start = pdf("besar");
        System.arraycopy(start, 0, big, 0, start.length);
        for (int i = start.length; i < big.length; i++) {
            big[i] = (byte) ' ';
        }
        return big;
    }

    /** The bytes as a file of that name in a fresh temporary folder (for a browser's file field). */
    public static Path file(String name, byte[] content) {
        try {
            Path folder = Files.createTempDirectory("fs-documents-");
            Path file = folder.resolve(name);
            Files.write(file, content);
            file.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
